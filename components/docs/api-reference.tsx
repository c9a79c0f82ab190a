'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { Loading } from '../ui/feedback';
import '@scalar/api-reference-react/style.css';
import './api-reference.css';

// Scalar renders in the browser only (it mounts a Vue app into a div).
const ApiReferenceReact = dynamic(() => import('@scalar/api-reference-react').then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <Loading label="Loading the API reference…" />,
});

/** Follows the dashboard's theme (the `dark` class on <html>), which the theme picker changes live. */
function useDarkClass(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setDark(html.classList.contains('dark'));
    read();
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

/**
 * The interactive API reference, rendered from /api/openapi.json with Scalar. Everything it needs
 * is bundled: no fonts, telemetry, AI agent or proxy from the internet (Callpace is self-hosted,
 * often offline). "Test request" calls go straight to this server.
 */
export function ApiReference() {
  const dark = useDarkClass();
  return (
    <div className="callpace-api-reference">
      <ApiReferenceReact
        configuration={{
          url: '/api/openapi.json',
          withDefaultFonts: false,
          telemetry: false,
          showDeveloperTools: 'never',
          hideDarkModeToggle: true,
          forceDarkModeState: dark ? 'dark' : 'light',
          darkMode: dark,
          agent: { disabled: true },
          mcp: { disabled: true },
          documentDownloadType: 'json',
          theme: 'default',
          layout: 'modern',
        }}
      />
    </div>
  );
}
