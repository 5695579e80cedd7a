import type { Metadata, Viewport } from 'next';
import { brandMarkIcon } from '@/components/brand-mark';
import { OutsideEmbeds } from '@/components/outside-embeds';
import { earlyClicksProps, earlyClicksScript } from '@/components/ui/early-clicks';
import { EarlyClicks } from '@/components/ui/early-clicks-ready';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

const description =
  'Step through the OAuth 2.0 client credentials flow against a real authorization server and a real protected API.';

/** Site-wide metadata: title template, description and Open Graph / Twitter cards. */
export const metadata: Metadata = {
  // Open Graph needs absolute image URLs, fixed when the pages are prerendered: the public origin
  // (FLOWLAB_ISSUER at build time), else the laptop demo's own.
  metadataBase: new URL(process.env.FLOWLAB_ISSUER ?? 'http://localhost:3000'),
  title: { default: 'FlowLab — learn OAuth 2.0 flows', template: '%s · FlowLab' },
  description,
  // The mark the header draws, inline: no request for it.
  icons: { icon: { url: brandMarkIcon, type: 'image/svg+xml' } },
  openGraph: {
    type: 'website',
    siteName: 'FlowLab',
    description,
    images: [
      {
        url: '/og-image.png',
        width: 1200,
        height: 630,
        alt: 'FlowLab: the OAuth 2.0 client credentials flow, step by step',
      },
    ],
  },
};

/** Site-wide viewport settings: the browser theme color for light and dark. */
export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1020' },
  ],
};

/** Applies the saved theme (or the OS preference) before first paint, so there is no flash. */
const themeScript = `try{var t=localStorage.getItem('flowlab-theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme='light'}`;

/** The root layout of every page: the theme script, the site header (not in embeds) and the main area. */
export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <script dangerouslySetInnerHTML={{ __html: earlyClicksScript }} />
      </head>
      <body {...earlyClicksProps} className="bg-bg text-fg min-h-dvh font-sans antialiased">
        <a
          href="#main"
          className="focus:bg-surface sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <OutsideEmbeds>
          <SiteHeader />
        </OutsideEmbeds>
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
        <EarlyClicks />
      </body>
    </html>
  );
}
