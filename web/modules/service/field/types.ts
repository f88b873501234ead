import type { DispatchComponent, DispatchExclusion, WorkOrderStatus } from '../../../../contracts/field-service';

export interface Technician {
  userId: string;
  name: string;
  email: string;
}

export interface Station {
  id: string;
  name: string;
  province: string;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  productIds: string[];
  categoryIds: string[];
  capacity: number;
  active: boolean;
  phone: string | null;
  rating: number | null;
  ratingCount: number;
  openCount: number;
  technicians: Technician[];
}

export interface WorkOrder {
  id: string;
  number: number;
  numberText: string;
  caseId: string;
  productId: string | null;
  ownerId: string | null;
  status: WorkOrderStatus;
  customerName: string | null;
  customerPhone: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  problem: string | null;
  stationId: string | null;
  stationName: string | null;
  technicianId: string | null;
  technicianName: string | null;
  note: string | null;
  overrideReason: string | null;
  parts: { name: string; quantity: number }[];
  labourMinutes: number | null;
  dispatchedAt: string | null;
  doneAt: string | null;
  createdAt: string;
}

export interface ScoreReason {
  component: DispatchComponent;
  points: number;
  weight: number;
  basis: string;
  value: number | null;
  detail?: Record<string, number | null>;
}

export interface Candidate {
  stationId: string;
  name: string;
  score: number;
  eligible: boolean;
  exclusion: DispatchExclusion | null;
  reasons: ScoreReason[];
}

export interface WorkOrderEvent {
  id: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus;
  stationName: string | null;
  note: string | null;
  at: string;
  byName: string | null;
}

export interface StationFigures {
  stationId: string;
  name: string;
  province: string;
  active: boolean;
  volume: number;
  done: number;
  medianHoursToDone: number | null;
  rating: number | null;
  ratingCount: number;
  openCount: number;
  capacity: number;
  poorlyRated: boolean;
}
