/**
 * The open process: loaded once for all its screens (dashboard, compartments, people, audit) and
 * reloaded after changes, so counts and names stay current everywhere, including the header.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLiveChanges, type LiveStatus } from '../../api/live.js';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Compartment, CompartmentKind, ProcessView } from '../../api/types.js';
import { useQuery, type Query } from '../../ui/hooks.js';

/** The open process and lookups over it. */
export interface OpenProcess {
  view: ProcessView;
  /** Loads the process again (after a change). */
  reload(): void;
  /** Increases whenever the server announces a change I may see: screens that list material add it to their reload dependencies. */
  liveTick: number;
  /** Whether live updates are flowing (shown in the header). */
  liveStatus: LiveStatus;
  /** A party's short code, or "?" when unknown. */
  partyCode(partyId: string | null): string;
  /** A member's name (or "former member" / "system"). */
  memberName(userId: string | null): string;
  /** A compartment I may see, by id. */
  compartment(id: string | null): Compartment | undefined;
}

const kindOrder: Record<CompartmentKind, number> = {
  caucus: 0,
  bilateral: 1,
  mediators: 2,
  plenary: 3,
  public: 4,
};

const QueryContext = createContext<Query<ProcessView> | null>(null);
const ProcessContext = createContext<OpenProcess | null>(null);

/** Loads a process and provides it. */
export function ProcessProvider({
  processId,
  children,
}: {
  processId: string;
  children: ReactNode;
}) {
  const query = useQuery(() => api.processes.get(processId), [processId]);
  const [liveTick, setLiveTick] = useState(0);
  const liveStatus = useLiveChanges(processId, () => {
    setLiveTick((n) => n + 1);
    query.reload();
  });
  const { t } = useTranslation();
  const loaded = query.data?.process.id === processId ? query.data : undefined;
  // Compartments from the most private to the most public, then by party: the order of the
  // navigation, the dashboard and the release choices (whose first is then the narrowest).
  const view = useMemo(() => {
    if (!loaded) return undefined;
    const code = (id: string | null) => loaded.parties.find((p) => p.id === id)?.code ?? '';
    const compartments = [...loaded.compartments].sort(
      (a, b) =>
        kindOrder[a.kind] - kindOrder[b.kind] || code(a.partyId).localeCompare(code(b.partyId)),
    );
    return { ...loaded, compartments };
  }, [loaded]);
  const open = useMemo<OpenProcess | null>(() => {
    if (!view) return null;
    const parties = new Map(view.parties.map((p) => [p.id, p]));
    const members = new Map(view.members.map((m) => [m.userId, m]));
    const compartments = new Map(view.compartments.map((c) => [c.id, c]));
    return {
      view,
      reload: query.reload,
      liveTick,
      liveStatus,
      partyCode: (id) => (id ? (parties.get(id)?.code ?? '?') : '?'),
      memberName: (id) =>
        id === null
          ? t('common.system')
          : (members.get(id)?.displayName ?? t('common.formerMember')),
      compartment: (id) => (id ? compartments.get(id) : undefined),
    };
  }, [view, query.reload, liveTick, liveStatus, t]);
  return (
    <QueryContext.Provider value={query}>
      <ProcessContext.Provider value={open}>{children}</ProcessContext.Provider>
    </QueryContext.Provider>
  );
}

/** The open process; only inside screens rendered once it has loaded. */
export function useProcess(): OpenProcess {
  const p = useContext(ProcessContext);
  if (!p) throw new Error('useProcess outside a loaded process');
  return p;
}

/** The open process if there is one loaded (for the header). */
export function useOptionalProcess(): OpenProcess | null {
  return useContext(ProcessContext);
}

/** The loading state of the open process. */
export function useProcessQuery(): Query<ProcessView> | null {
  return useContext(QueryContext);
}
