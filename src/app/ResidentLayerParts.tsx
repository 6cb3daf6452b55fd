// the resident page's context layer parts in one lazily loaded chunk: the map overlay, the switcher and the list.
export { default as ContextLayerOverlay } from '../map/layers/ContextLayerOverlay.tsx';
export { ResidentLayerList, ResidentLayerPanel } from '../ui/layers/ResidentLayers.tsx';
