import { BrandMark } from '@/components/brand-mark';
import { IntentLink } from '@/components/ui/intent-link';
import { ThemeToggle } from '@/components/ui/theme-toggle';

/** The bar at the top of every page: the brand, the main sections and the theme switch. */
export function SiteHeader() {
  return (
    <header className="border-line bg-surface border-b">
      <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
        <IntentLink href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <BrandMark />
          FlowLab
        </IntentLink>
        <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm">
          <IntentLink
            href="/learn/client-credentials"
            className="inline-flex min-h-6 items-center py-1 hover:underline"
          >
            Learn
          </IntentLink>
          <IntentLink
            href="/present/client-credentials"
            className="inline-flex min-h-6 items-center py-1 hover:underline"
          >
            Present
          </IntentLink>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
