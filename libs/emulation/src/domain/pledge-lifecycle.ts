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

/**
 * Why `facts.status` → `to` is not allowed, or null when it is. Moves go one
 * step forward (PLEDGE_TRANSITIONS); each needs the previous step complete.
 */
export function transitionRefusal(facts: PledgeFacts, to: PledgeStatus): string | null {
  const next = PLEDGE_TRANSITIONS[facts.status];
  if (next !== to) {
    return next
      ? `Giao ước đang ở bước "${PLEDGE_STATUS_LABELS[facts.status]}": bước tiếp theo chỉ có thể là "${PLEDGE_STATUS_LABELS[next]}", không phải "${PLEDGE_STATUS_LABELS[to]}".`
      : `Giao ước đã tổng kết: không thể chuyển sang bước nào khác.`;
  }
  switch (to) {
    case 'SIGNED':
      if (!facts.scorableItems) return 'Chưa thể ký kết: giao ước chưa có bảng tiêu chí chấm điểm.';
      if (!facts.signatories) return 'Chưa thể ký kết: chưa có đơn vị ký giao ước.';
      if (facts.signatoriesOutsideBloc) return `Chưa thể ký kết: ${facts.signatoriesOutsideBloc} đơn vị ký không thuộc khối thi đua.`;
      if (!facts.signedOn || !facts.signingEvent)
        return 'Chưa thể ký kết: cần ghi ngày ký và sự kiện ký kết (ví dụ: Hội nghị tổng kết năm).';
      return null;
    case 'REGISTRATION_OPEN':
      return null;
    case 'SCORING_OPEN':
      return facts.registered < facts.signatories
        ? `Chưa thể mở chấm điểm: ${facts.signatories - facts.registered}/${facts.signatories} đơn vị chưa đăng ký chỉ tiêu.`
        : null;
    case 'UNDER_REVIEW':
      return facts.scoresSubmitted < facts.signatories
        ? `Chưa thể chuyển thẩm định: ${facts.signatories - facts.scoresSubmitted}/${facts.signatories} đơn vị chưa nộp bảng tự chấm điểm.`
        : null;
    case 'FINALISED':
      return facts.reviewsAccepted < facts.signatories
        ? `Chưa thể tổng kết: ${facts.signatories - facts.reviewsAccepted}/${facts.signatories} đơn vị chưa được thẩm định xong.`
        : null;
    default:
      return 'Bước không hợp lệ.';
  }
}
