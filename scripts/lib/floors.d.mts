export type Floors = Record<string, Record<string, number>>;
export interface FloorChange { set: string; metric: string; from: number | null; to: number | null; kind: 'new' | 'raised' | 'LOWERED' | 'DROPPED' | 'KEPT' }
export declare const SLACK: number;
export declare const PINNED_METRICS: readonly string[];
export declare function metricValue(result: unknown, key: string): number | null;
export declare function pinnedFigures(result: unknown): Record<string, number>;
export declare function floor3(x: number): number;
export declare function updatedFloors(old: Floors | null, results: Record<string, unknown>, options?: { allowLower?: boolean }): { floors: Floors; changes: FloorChange[] };
export declare function refusedChanges(changes: readonly FloorChange[]): FloorChange[];
export declare function formatChanges(changes: readonly FloorChange[], file: string): string;
