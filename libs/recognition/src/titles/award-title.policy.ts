import { anyScopedCaller, definePolicy, unrestrictedOnly } from '@danvan/kit';

/**
 * The national catalogue of titles and forms of award: read by every caller with
 * a scope; added to and changed by the unrestricted callers only (system
 * administrators), with emulation:manage.
 */
export const AWARD_TITLE_POLICY = definePolicy<unknown, 'create' | 'update'>({
  resource: 'danh mục khen thưởng',
  read: 'emulation:read',
  see: anyScopedCaller(),
  actions: {
    create: {
      permission: 'emulation:manage',
      scope: unrestrictedOnly(),
      refusal: 'Danh mục khen thưởng dùng chung cho cả hệ thống: chỉ quản trị hệ thống được thêm, sửa.',
    },
    update: {
      permission: 'emulation:manage',
      scope: unrestrictedOnly(),
      refusal: 'Danh mục khen thưởng dùng chung cho cả hệ thống: chỉ quản trị hệ thống được thêm, sửa.',
    },
  },
});
