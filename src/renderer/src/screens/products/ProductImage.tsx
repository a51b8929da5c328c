/**
 * The product's picture: shown from catalog.image, replaced by choosing a PNG, JPEG or WebP file of
 * at most 2 MB (sent as base64 to catalog.setImage). A new product gets its picture once saved.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import {
  type ImageMimeType,
  imageMaxBytes,
  imageMimeTypes,
  type Product,
} from '../../../../shared/api/catalog';
import { Button, ImageIcon, Spinner, toast, UploadIcon } from '../../ui';
import { readFileBase64 } from './download';

export interface ProductImageProps {
  product: Product | null;
  canEdit: boolean;
  onChanged: (product: Product) => void;
}

function isImageType(type: string): type is ImageMimeType {
  return (imageMimeTypes as readonly string[]).includes(type);
}

export function ProductImage({ product, canEdit, onChanged }: ProductImageProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const productId = product?.id ?? null;
  const imageHash = product?.image?.sha256 ?? null;

  // Read again when the product or its picture changes (the hash is part of the load).
  const loadImage = useCallback(
    async () =>
      productId && imageHash
        ? { hash: imageHash, dataUrl: (await client.invoke('catalog.image', { productId })).dataUrl }
        : null,
    [productId, imageHash],
  );
  const image = useCoreData(loadImage);
  const shown = image.kind === 'ready' && image.data?.hash === imageHash ? image.data : null;
  const dataUrl = shown?.dataUrl ?? null;
  const loading = imageHash !== null && image.kind !== 'error' && shown === null;

  const upload = async (file: File) => {
    if (!product) return;
    if (!isImageType(file.type)) {
      toast.error('Choose a PNG, JPEG or WebP picture.');
      return;
    }
    if (file.size > imageMaxBytes) {
      toast.error('The picture is larger than 2 MB. Choose a smaller one.');
      return;
    }
    setUploading(true);
    try {
      const dataBase64 = await readFileBase64(file);
      const result = await client.invoke('catalog.setImage', {
        productId: product.id,
        mimeType: file.type,
        dataBase64,
      });
      toast.success('Picture saved');
      onChanged(result.product);
    } catch (error) {
      toast.error(error, { title: 'The picture was not saved' });
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="product-image">
      <div className="product-image__frame">
        {loading ? (
          <Spinner size={28} label="Loading the picture" />
        ) : dataUrl ? (
          <img src={dataUrl} alt={product ? `Picture of ${product.name}` : ''} />
        ) : (
          <div className="product-image__none">
            <ImageIcon size={40} />
            <span>{product ? 'No picture yet' : 'Save the product to add a picture'}</span>
          </div>
        )}
      </div>
      {canEdit && product && (
        <>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept={imageMimeTypes.join(',')}
            className="visually-hidden"
            aria-label="Picture file"
            tabIndex={-1}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
          <Button
            icon={<UploadIcon size={20} />}
            loading={uploading}
            block
            onClick={() => inputRef.current?.click()}
          >
            {product.image ? 'Replace picture' : 'Upload picture'}
          </Button>
          <p className="field__hint">PNG, JPEG or WebP, at most 2 MB.</p>
        </>
      )}
    </div>
  );
}
