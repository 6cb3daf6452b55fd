// the storage port of one consultation's budget: settings, projects, ballots, voter codes, workshop allocations.
import type { AllocationOutcome, AllocationRecord } from '../../core/budget/allocationsWire.ts';
import type { BudgetProjectRecord, BudgetSettings } from '../../core/budget/budgetWire.ts';

export interface StoredBallot {
  projects: string[];
  updatedAt: string;
}

export type BallotSource = 'device' | 'code' | 'import';

/** a table group's result: project id → amount it put there, and what the count decided (null before 0010) */
export type WorkshopAllocation = AllocationRecord;

export interface BudgetStorage {
  getSettings(): Promise<BudgetSettings | null>;
  putSettings(settings: BudgetSettings, at: string): Promise<void>;
  /** in the planners' order */
  listProjects(): Promise<BudgetProjectRecord[]>;
  /** creates (at the end of the list) or replaces the project with this id */
  putProject(project: BudgetProjectRecord, at: string): Promise<'created' | 'updated'>;
  /** refused while any ballot approves it: the count would silently change under the voters */
  deleteProject(id: string): Promise<'deleted' | 'not-found' | 'has-votes'>;
  getBallot(voter: string): Promise<StoredBallot | null>;
  /** one ballot per voter: a second call replaces the first */
  castBallot(voter: string, projects: readonly string[], source: BallotSource, at: string): Promise<{ created: boolean }>;
  /** the code's one ballot, atomically: of two concurrent calls with one code the second gets 'code-used' */
  castBallotWithCode(codeHash: string, projects: readonly string[], at: string): Promise<'cast' | 'unknown-code' | 'code-used'>;
  /** every ballot's project ids, oldest ballot first (the order is the anonymous voter number of an export) */
  listBallots(): Promise<string[][]>;
  /**
   * Each ballot's voter area, in the order of listBallots: for a device's ballot the area where most of that device's
   * pins in this consultation are (ties: the smaller area id), else null (voter codes, imports, devices without pins).
   */
  listVoterAreas(): Promise<(string | null)[]>;
  /**
   * All-or-nothing: the settings, projects and ballots of an imported election replace the current ones. Refused
   * ('ballots-exist') when residents have already voted here, so an import never overwrites their ballots.
   */
  importElection(settings: BudgetSettings, projects: readonly BudgetProjectRecord[], ballots: readonly string[][], at: string): Promise<'imported' | 'ballots-exist'>;
  /** stores the hashes of new voter codes; how many were new */
  addVoterCodes(hashes: readonly string[], at: string): Promise<number>;
  voterCodeCounts(): Promise<{ total: number; used: number }>;
  recordAllocation(sessionId: string | null, allocation: Record<string, number>, at: string, details?: { outcome?: AllocationOutcome | null; sessionName?: string | null }): Promise<WorkshopAllocation>;
  /** oldest first */
  listAllocations(): Promise<WorkshopAllocation[]>;
}
