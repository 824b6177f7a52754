import type { ModelRecognition } from '@danvan/contracts';
import { definePolicy, unitInSubtree } from '@danvan/kit';
import { MODEL_RECOGNITION } from '../domain/model-rules.js';

/** What the model policy reads of a model practice. */
export interface ModelAccess {
  ownerPath: string;
  recognition: ModelRecognition;
}

/** The model's owner unit lies in the caller's subtree (`ou` in SQL). */
export const OWNS_MODEL = unitInSubtree<ModelAccess>('đơn vị quản lý mô hình', 'ou.path', (m) => m.ownerPath);

/**
 * "Dân vận khéo" models: seen and edited (emulation:submit) by the owner unit's
 * subtree; recognised — up or down a level, MODEL_RECOGNITION's transitions
 * `recognise:<LEVEL>` — by the same subtree with emulation:manage.
 */
export const MODEL_POLICY = definePolicy<ModelAccess, 'update' | 'recognise'>({
  resource: 'mô hình "Dân vận khéo"',
  read: 'emulation:read',
  see: OWNS_MODEL,
  create: 'emulation:submit',
  actions: {
    update: { permission: 'emulation:submit', scope: OWNS_MODEL, refusal: 'Mô hình này do đơn vị khác quản lý.' },
    recognise: {
      permission: 'emulation:manage',
      scope: OWNS_MODEL,
      refusal: 'Mô hình này do đơn vị khác quản lý.',
      offeredAs: {
        names: MODEL_RECOGNITION.spec.transitions.map((t) => t.action).filter((a, i, all) => all.indexOf(a) === i),
        pick: (m) => MODEL_RECOGNITION.actionsFrom(m.recognition),
      },
    },
  },
});
