/**
 * The frame of the screens before anyone is logged in (pairing, set-up, login): the mark and the
 * store's name at the top, the content in the middle, the theme toggle and any demo badge below.
 */
import { type ReactNode } from 'react';
import { Badge, cx } from '../ui';
import { BrandMark } from './BrandMark';
import { useAppState } from './instance';
import { ThemeToggle } from './ThemeToggle';

export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const storeName = useAppState((state) => state.storeName);
  const demo = useAppState((state) => state.info?.mode === 'demo');
  return (
    <div className="auth">
      <header className="auth__header">
        <div className="auth__brand">
          <BrandMark size={40} />
          <span className="auth__store">{storeName ?? 'Tillpoint'}</span>
          {demo && <Badge tone="demo">Demo mode</Badge>}
        </div>
        <ThemeToggle />
      </header>
      <main className={cx('auth__main', wide && 'auth__main--wide')}>{children}</main>
    </div>
  );
}
