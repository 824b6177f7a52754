import { CreateDataLoad1764000000050, SearchFunctions1764000000000 } from '@danvan/database';
import { CreateDocument1764000000300, DocumentDirectory1764000000810 } from '@danvan/documents';
import { CreateEmulation1764000000400, CreateScoring1764000000410, RankingIndex1764000000520 } from '@danvan/emulation';
import { CreateIdentity1764000000200, IdempotencyRawBody1764000000600 } from '@danvan/identity';
import { CreateJob1764000000700, JobLease1764000000930 } from '@danvan/jobs';
import { CreateRecognition1764000000500, ModelCountsGeneration1764000000510, RecognitionDirectory1764000000820 } from '@danvan/recognition';
import {
  CreateUnit1764000000100,
  UnitDirectory1764000000800,
  UnitSearchColumns1764000000910,
  UnitSearchNameTrigrams1764000000920,
} from '@danvan/units';

/** Every migration of the application, in order. A capability library exports its own; the app lists them here. */
export const MIGRATIONS = [
  SearchFunctions1764000000000,
  CreateDataLoad1764000000050,
  CreateUnit1764000000100,
  CreateIdentity1764000000200,
  CreateDocument1764000000300,
  CreateEmulation1764000000400,
  CreateScoring1764000000410,
  CreateRecognition1764000000500,
  ModelCountsGeneration1764000000510,
  RankingIndex1764000000520,
  IdempotencyRawBody1764000000600,
  CreateJob1764000000700,
  UnitDirectory1764000000800,
  DocumentDirectory1764000000810,
  RecognitionDirectory1764000000820,
  UnitSearchColumns1764000000910,
  UnitSearchNameTrigrams1764000000920,
  JobLease1764000000930,
];
