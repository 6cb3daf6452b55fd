// the resident page's context layers, loaded as their own chunk: the switcher over the map (a disclosure, closed on a
// phone) and the layers' features in the list view. Nothing shows when the consultation has no layers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createContextLayerClient } from '../../persistence/contextLayerClient.ts';
import { ensureSignedDeviceToken } from '../../persistence/deviceToken.ts';
import { consultationBase, createHttpRepository } from '../../persistence/httpRepository.ts';
import { useContextLayers } from '../../store/contextLayerStore.ts';
import { LayerFeatureList } from './LayerFeatureList.tsx';
import { LayerSwitcher } from './LayerSwitcher.tsx';
import './layerStrings.ts';
import './layers.css';

/**
 * Opens the consultation's layers in the shared store once per page (the map, the switcher and the list read it).
 * Confirming an asset needs the server's signed device token, so the client is made with it.
 */
export function useOpenContextLayers(slug: string, options: { showAssets?: boolean } = {}): void {
  const showAssets = options.showAssets ?? true;
  useEffect(
    function openLayers() {
      let cancelled = false;
      void ensureSignedDeviceToken().then((deviceToken) => {
        if (cancelled) return;
        const api = createHttpRepository({ deviceToken, consultationBase: consultationBase(slug) });
        void useContextLayers.getState().opened(createContextLayerClient(api), { showAssets });
      });
      return function forgetLayers() {
        cancelled = true;
      };
    },
    [slug, showAssets],
  );
}

export function ResidentLayerPanel({ slug, phone }: { slug: string; phone: boolean }) {
  const { t } = useTranslation();
  useOpenContextLayers(slug);
  const count = useContextLayers((s) => s.summaries.length);
  const on = useContextLayers((s) => s.shown.length);
  const focused = useContextLayers((s) => s.focused);
  const [open, setOpen] = useState(!phone);
  useEffect(
    function openOnFocus() {
      if (focused) setOpen(true);
    },
    [focused],
  );
  if (count === 0) return null;
  return (
    <details className="layer-switcher" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('layers.summary', { count: on })}</summary>
      <LayerSwitcher />
    </details>
  );
}

export function ResidentLayerList() {
  return <LayerFeatureList />;
}
