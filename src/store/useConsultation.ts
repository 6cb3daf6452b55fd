// the consultation a page shows, for components: its status and dates (read-only when closed), null in device-only mode.
import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Consultation } from '../persistence/staffApi.ts';

const ConsultationContext = createContext<Consultation | null>(null);

export function ConsultationProvider({ consultation, children }: { consultation: Consultation | null; children: ReactNode }) {
  return createElement(ConsultationContext, { value: consultation }, children);
}

/** the consultation on this page, or null without a server (the bundled demo) */
export function useConsultation(): Consultation | null {
  return useContext(ConsultationContext);
}

/** residents may add, edit and support pins only while the consultation is open (always, without a server) */
export function useAcceptsContributions(): boolean {
  const consultation = useConsultation();
  return consultation === null || consultation.status === 'open';
}
