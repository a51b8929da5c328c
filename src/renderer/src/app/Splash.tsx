/** Shown while the core answers its first call: the mark, the name, a spinner. */
import { Spinner } from '../ui';
import { BrandMark } from './BrandMark';

export function Splash() {
  return (
    <div className="splash">
      <BrandMark size={72} />
      <p className="splash__name">Tillpoint</p>
      <Spinner size={28} label="Starting Tillpoint" />
    </div>
  );
}
