import type { ReactNode } from 'react';

export const metadata = { title: 'Callpace', description: 'Outbound-call campaign scheduler and pacer' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
