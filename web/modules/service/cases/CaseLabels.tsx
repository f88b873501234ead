import { useCaseNumber, useTypeName } from './useCases';

/** `CS-000123` with the workspace's prefix. */
export function CaseNumber({ number }: { number: number }) {
  return <span>{useCaseNumber()(number)}</span>;
}

export function CaseTypeName({ typeId }: { typeId: string | null }) {
  return <span>{useTypeName()(typeId)}</span>;
}
