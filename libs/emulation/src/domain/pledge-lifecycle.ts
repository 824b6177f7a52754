import { defineLifecycle } from '@danvan/kit';
import { PLEDGE_STATUS_LABELS, PLEDGE_TRANSITIONS, type PledgeStatus } from '@danvan/contracts';

/** What the database knows about a pledge when someone asks to move it on. */
export interface PledgeFacts {
  status: PledgeStatus;
  /** Scored lines of the current criteria set (0: no set adopted yet). */
  scorableItems: number;
  signatories: number;
  /** Signatories that are not (or no longer) members of the pledge's bloc. */
  signatoriesOutsideBloc: number;
  signedOn: string | null;
  signingEvent: string | null;
  /** Signatories with a registration of their targets. */
  registered: number;
  /** Signatories whose self-scores are submitted. */
  scoresSubmitted: number;
  /** Signatories whose review reached its last step (accepted). */
  reviewsAccepted: number;
}

/** The lifecycle action that moves a pledge to `to`: `sign` for SIGNED, `advance:<status>` for the others. */
export function pledgeActionTo(to: PledgeStatus): string {
  return to === 'SIGNED' ? 'sign' : `advance:${to}`;
}

function wrongStep(from: PledgeStatus, to: string): string {
  const next = PLEDGE_TRANSITIONS[from];
  return next
    ? `Giao ước đang ở bước "${PLEDGE_STATUS_LABELS[from]}": bước tiếp theo chỉ có thể là "${PLEDGE_STATUS_LABELS[next]}", không phải "${PLEDGE_STATUS_LABELS[to as PledgeStatus] ?? to}".`
    : `Giao ước đã tổng kết: không thể chuyển sang bước nào khác.`;
}

/**
 * A pledge's lifecycle: one step forward at a time (PLEDGE_TRANSITIONS), each
 * guarded by the previous step being complete. Who may take these steps is the
 * pledge policy's (pledges/pledge.policy.ts); the audit trail records `sign` and
 * `advance`.
 */
export const PLEDGE_LIFECYCLE = defineLifecycle<PledgeStatus, PledgeFacts>({
  entity: 'pledge',
  field: 'status',
  noTransition: (from, action) => wrongStep(from, action === 'sign' ? 'SIGNED' : action.replace(/^advance:/, '')),
  transitions: [
    {
      action: 'sign',
      from: ['DRAFT'],
      to: 'SIGNED',
      guard: (facts) => {
        if (!facts.scorableItems) return 'Chưa thể ký kết: giao ước chưa có bảng tiêu chí chấm điểm.';
        if (!facts.signatories) return 'Chưa thể ký kết: chưa có đơn vị ký giao ước.';
        if (facts.signatoriesOutsideBloc) return `Chưa thể ký kết: ${facts.signatoriesOutsideBloc} đơn vị ký không thuộc khối thi đua.`;
        if (!facts.signedOn || !facts.signingEvent)
          return 'Chưa thể ký kết: cần ghi ngày ký và sự kiện ký kết (ví dụ: Hội nghị tổng kết năm).';
        return null;
      },
    },
    { action: 'advance:REGISTRATION_OPEN', from: ['SIGNED'], to: 'REGISTRATION_OPEN', audit: 'advance' },
    {
      action: 'advance:SCORING_OPEN',
      from: ['REGISTRATION_OPEN'],
      to: 'SCORING_OPEN',
      audit: 'advance',
      guard: (facts) =>
        facts.registered < facts.signatories
          ? `Chưa thể mở chấm điểm: ${facts.signatories - facts.registered}/${facts.signatories} đơn vị chưa đăng ký chỉ tiêu.`
          : null,
    },
    {
      action: 'advance:UNDER_REVIEW',
      from: ['SCORING_OPEN'],
      to: 'UNDER_REVIEW',
      audit: 'advance',
      guard: (facts) =>
        facts.scoresSubmitted < facts.signatories
          ? `Chưa thể chuyển thẩm định: ${facts.signatories - facts.scoresSubmitted}/${facts.signatories} đơn vị chưa nộp bảng tự chấm điểm.`
          : null,
    },
    {
      action: 'advance:FINALISED',
      from: ['UNDER_REVIEW'],
      to: 'FINALISED',
      audit: 'advance',
      guard: (facts) =>
        facts.reviewsAccepted < facts.signatories
          ? `Chưa thể tổng kết: ${facts.signatories - facts.reviewsAccepted}/${facts.signatories} đơn vị chưa được thẩm định xong.`
          : null,
    },
  ],
});

/** Why `facts.status` → `to` is not allowed, or null when it is (PLEDGE_LIFECYCLE's answer, as a message). */
export function transitionRefusal(facts: PledgeFacts, to: PledgeStatus): string | null {
  const [refusal] = PLEDGE_LIFECYCLE.refusals(facts.status, pledgeActionTo(to), facts);
  return refusal?.message ?? null;
}
