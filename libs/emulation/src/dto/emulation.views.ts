import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import {
  BLOC_LIMITS,
  CRITERIA_LIMITS,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_KINDS,
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  type MovementKind,
  type PledgeStatus,
} from '@danvan/contracts';
import { describedBy, LocalDateScalar, MaxItems, TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';
import { AllowedActionsField } from '@danvan/kit';
import { BLOC_POLICY } from '../blocs/bloc.policy.js';
import { PLEDGE_POLICY } from '../pledges/pledge.policy.js';

export const MovementKindEnum = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, k])) as Record<MovementKind, MovementKind>;
registerEnumType(MovementKindEnum, {
  name: 'MovementKind',
  description: 'Phong trào thường xuyên hoặc theo chuyên đề.',
  valuesMap: describedBy(MOVEMENT_KIND_LABELS),
});
export const PledgeStatusEnum = Object.fromEntries(PLEDGE_STATUSES.map((s) => [s, s])) as Record<PledgeStatus, PledgeStatus>;
registerEnumType(PledgeStatusEnum, {
  name: 'PledgeStatus',
  description: 'Dự thảo → đã ký kết → đăng ký chỉ tiêu → tự chấm điểm → thẩm định → tổng kết.',
  valuesMap: describedBy(PLEDGE_STATUS_LABELS),
});

/**
 * A unit as other records name it: enough to show who, without opening the
 * unit itself (which stays subject to the caller's scope). Fellow members of a
 * bloc see each other's names this way.
 */
@ObjectType('UnitRef', { description: 'Đơn vị được nêu trong một bản ghi khác (tên, tên viết tắt), không cần quyền đọc đơn vị đó.' })
export class UnitRef {
  @Field(() => ID, { description: 'Mã định danh của đơn vị (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên đầy đủ của đơn vị.' }) @ApiProperty() name: string;
  @Field(() => String, { nullable: true, description: 'Tên viết tắt, nếu có.' }) @ApiProperty({ type: String, nullable: true }) shortName:
    string | null;
}

@ObjectType('DocumentRef', { description: 'Văn bản được trích dẫn (số, ký hiệu, ngày, trích yếu).' })
export class DocumentRef {
  @Field(() => ID, { description: 'Mã định danh của văn bản (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Số, ký hiệu, ví dụ 151-KH/BDVTU.' }) @ApiProperty({ example: '151-KH/BDVTU' }) number: string;
  @Field(() => LocalDateScalar, { description: 'Ngày ban hành (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  issuedOn: string;
  @Field({ description: 'Trích yếu nội dung.' }) @ApiProperty() title: string;
}

@ObjectType('EmulationMovement', { description: 'Phong trào thi đua (ví dụ "Dân vận khéo").' })
export class MovementView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Tên phong trào.' }) @ApiProperty() name: string;
  @Field(() => MovementKindEnum, { description: 'Thường xuyên hay theo chuyên đề.' })
  @ApiProperty({ enum: MOVEMENT_KINDS })
  kind: MovementKind;
  @Field(() => UnitRef, { description: 'Đơn vị phát động.' }) @ApiProperty({ type: UnitRef }) launchedBy: UnitRef;
  @Field(() => LocalDateScalar, { description: 'Ngày bắt đầu (yyyy-MM-dd).' })
  @ApiProperty({ type: String, format: 'date' })
  startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày kết thúc, tính cả ngày này (yyyy-MM-dd); null: chưa định.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;
  @Field(() => String, { nullable: true, description: 'Mô tả, mục đích, nội dung của phong trào.' })
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @MaxItems(20)
  @Field(() => [DocumentRef], { description: 'Căn cứ (văn bản phát động, kế hoạch).' })
  @ApiProperty({ type: [DocumentRef] })
  legalBasis: DocumentRef[];
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
  /** Internal: path of the launching unit (who may change it; audit scope). */
  ownerPath: string;
}

@ObjectType('EmulationBloc', { description: 'Khối, cụm thi đua của một năm.' })
export class BlocView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int, { description: 'Năm thi đua của khối.' }) @ApiProperty({ example: 2024 }) year: number;
  @Field({ description: 'Tên khối, cụm thi đua.' }) @ApiProperty() name: string;
  @Field(() => UnitRef, { description: 'Đơn vị quản lý khối (thường là Ban Dân vận cấp trên).' })
  @ApiProperty({ type: UnitRef })
  owner: UnitRef;
  @Field(() => ID, { nullable: true, description: 'Phong trào thi đua mà khối tham gia, nếu có.' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  movementId: string | null;
  @Field(() => UnitRef, { nullable: true, description: 'Trưởng khối.' })
  @ApiProperty({ type: UnitRef, nullable: true })
  head: UnitRef | null;
  @Field(() => UnitRef, { nullable: true, description: 'Phó khối.' })
  @ApiProperty({ type: UnitRef, nullable: true })
  deputy: UnitRef | null;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị thành viên, theo tên.' })
  @ApiProperty({ type: [UnitRef] })
  members: UnitRef[];
  @Field(() => ID, { nullable: true, description: 'Giao ước của khối (nếu đã lập).' })
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  pledgeId: string | null;
  @AllowedActionsField(BLOC_POLICY.vocabulary)
  allowedActions: string[];
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
  ownerPath: string;
}

@ObjectType('CriterionItem', { description: 'Một dòng chấm điểm: tiêu chí thành phần, khoản cộng hoặc khoản trừ.' })
export class CriterionItemView {
  @Field({ description: 'Mã dòng, duy nhất trong bảng tiêu chí, ví dụ 1.2, 1.2.a, T1 (cộng), TR1 (trừ).' })
  @ApiProperty({ example: '1.a' })
  code: string;
  @Field({ description: 'Nội dung tiêu chí hoặc khoản cộng, trừ.' }) @ApiProperty() title: string;
  @Field(() => Float, { description: 'Điểm tối đa của dòng (điểm, tối đa 2 chữ số thập phân).' })
  @ApiProperty({ example: 10 })
  maxScore: number;
}

@ObjectType('Criterion', { description: 'Một tiêu chí của nhóm: chấm trực tiếp, hoặc qua các tiêu chí thành phần.' })
export class CriterionView extends CriterionItemView {
  @MaxItems(CRITERIA_LIMITS.subCriteriaMax)
  @Field(() => [CriterionItemView], { nullable: true, description: 'Tiêu chí thành phần (điểm tối đa của tiêu chí là tổng của chúng).' })
  @ApiProperty({ type: [CriterionItemView], required: false })
  subCriteria?: CriterionItemView[];
}

@ObjectType('CriteriaGroup', { description: 'Một nhóm tiêu chí (ví dụ I, II) của bảng tiêu chí.' })
export class CriteriaGroupView {
  @Field({ description: 'Mã nhóm, ví dụ I, II.' }) @ApiProperty({ example: 'I' }) code: string;
  @Field({ description: 'Tên nhóm tiêu chí.' }) @ApiProperty() title: string;
  @MaxItems(CRITERIA_LIMITS.criteriaPerGroupMax)
  @Field(() => [CriterionView], { description: 'Các tiêu chí của nhóm, theo thứ tự.' })
  @ApiProperty({ type: [CriterionView] })
  criteria: CriterionView[];
}

@ObjectType('ClassificationBand', { description: 'Mức xếp loại: đạt từ minScore điểm trở lên.' })
export class ClassificationBandView {
  @Field({ description: 'Tên mức xếp loại, ví dụ "Xuất sắc".' }) @ApiProperty({ example: 'Xuất sắc' }) name: string;
  @Field(() => Float, { description: 'Tổng điểm tối thiểu để đạt mức này.' }) @ApiProperty({ example: 95 }) minScore: number;
}

@ObjectType('CriteriaSet', {
  description: 'Bảng tiêu chí chấm điểm của giao ước, một phiên bản (không bao giờ sửa; thay đổi tạo phiên bản mới).',
})
export class CriteriaSetView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int, { description: 'Số phiên bản: 1, 2, …' }) @ApiProperty() number: number;
  @MaxItems(CRITERIA_LIMITS.groupsMax)
  @Field(() => [CriteriaGroupView], { description: 'Các nhóm tiêu chí, theo thứ tự.' })
  @ApiProperty({ type: [CriteriaGroupView] })
  groups: CriteriaGroupView[];
  @MaxItems(50)
  @Field(() => [CriterionItemView], { description: 'Các khoản điểm cộng.' })
  @ApiProperty({ type: [CriterionItemView] })
  bonusItems: CriterionItemView[];
  @Field(() => Float, { description: 'Tổng điểm cộng tối đa (phần vượt không được tính).' }) @ApiProperty() bonusCap: number;
  @MaxItems(50)
  @Field(() => [CriterionItemView], { description: 'Các khoản điểm trừ.' })
  @ApiProperty({ type: [CriterionItemView] })
  deductionItems: CriterionItemView[];
  @Field(() => Float, { description: 'Tổng điểm trừ tối đa.' }) @ApiProperty() deductionCap: number;
  @MaxItems(CRITERIA_LIMITS.bandsMax)
  @Field(() => [ClassificationBandView], { description: 'Mức xếp loại, từ cao xuống thấp.' })
  @ApiProperty({ type: [ClassificationBandView] })
  bands: ClassificationBandView[];
  @Field(() => Float, { description: 'Tổng điểm tối đa (kể cả điểm cộng tối đa).' }) @ApiProperty() maxTotal: number;
  @Field({ description: 'Người lưu phiên bản này.' }) @ApiProperty() createdBy: string;
  @Field({ description: 'Thời điểm lưu phiên bản (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
}

@ObjectType('Pledge', { description: 'Giao ước thi đua của một khối trong một năm.' })
export class PledgeView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID, { description: 'Khối thi đua của giao ước.' }) @ApiProperty({ format: 'uuid' }) blocId: string;
  @Field({ description: 'Tên khối thi đua.' }) @ApiProperty() blocName: string;
  @Field(() => Int, { description: 'Năm thi đua (năm của khối).' }) @ApiProperty({ example: 2024 }) year: number;
  @Field({ description: 'Tên giao ước.' }) @ApiProperty() title: string;
  @Field(() => PledgeStatusEnum, { description: 'Bước hiện tại của giao ước.' })
  @ApiProperty({ enum: PLEDGE_STATUSES })
  status: PledgeStatus;
  @Field({ description: 'Tên bước hiện tại.' }) @ApiProperty({ example: 'Đã ký kết' }) statusLabel: string;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu mỗi đơn vị đăng ký.' })
  @ApiProperty({ type: Number, nullable: true })
  breakthroughMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối đa mỗi đơn vị đăng ký.' })
  @ApiProperty({ type: Number, nullable: true })
  breakthroughMax: number | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Ngày ký kết (yyyy-MM-dd); null: chưa ký.' })
  @ApiProperty({ type: String, format: 'date', nullable: true })
  signedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Sự kiện ký kết (ví dụ Hội nghị tổng kết năm).' })
  @ApiProperty({ type: String, nullable: true })
  signingEvent: string | null;
  @Field(() => String, { nullable: true, description: 'Nơi ký kết.' }) @ApiProperty({ type: String, nullable: true }) signingPlace:
    string | null;
  @MaxItems(20)
  @Field(() => [DocumentRef], { description: 'Văn bản trích dẫn (kế hoạch, hướng dẫn …).' })
  @ApiProperty({ type: [DocumentRef] })
  documents: DocumentRef[];
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị ký giao ước.' })
  @ApiProperty({ type: [UnitRef] })
  signatories: UnitRef[];
  @Field(() => CriteriaSetView, { nullable: true, description: 'Phiên bản hiện hành của bảng tiêu chí.' })
  @ApiProperty({ type: CriteriaSetView, nullable: true })
  criteriaSet: CriteriaSetView | null;
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
  @AllowedActionsField(PLEDGE_POLICY.vocabulary)
  allowedActions: string[];
  ownerPath: string;
}

@ObjectType('RegistrationTarget', { description: 'Một chỉ tiêu đơn vị đăng ký thực hiện trong năm.' })
export class RegistrationTargetView {
  @Field({ description: 'Nội dung chỉ tiêu.' }) @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' }) title: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu đo được (số lượng, tỉ lệ …).' })
  @ApiProperty({ type: String, nullable: true })
  measure: string | null;
}

@ObjectType('PledgeRegistration', { description: 'Đăng ký chỉ tiêu, nhiệm vụ đột phá của một đơn vị ký giao ước.' })
export class RegistrationView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID, { description: 'Giao ước của đăng ký.' }) @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @Field(() => UnitRef, { description: 'Đơn vị đăng ký.' }) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @MaxItems(50)
  @Field(() => [RegistrationTargetView], { description: 'Các chỉ tiêu đã đăng ký.' })
  @ApiProperty({ type: [RegistrationTargetView] })
  targets: RegistrationTargetView[];
  @MaxItems(20) @Field(() => [String], { description: 'Nhiệm vụ đột phá.' }) @ApiProperty({ type: [String] }) breakthroughTasks: string[];
  @Field(() => Int, { description: 'Phiên bản, tăng sau mỗi lần sửa; gửi lại (expectedVersion) khi sửa để phát hiện sửa đồng thời.' })
  @ApiProperty()
  version: number;
  @Field({ description: 'Thời điểm tạo bản ghi (ISO 8601, UTC).' }) @ApiProperty() createdAt: Date;
  @Field({ description: 'Thời điểm sửa gần nhất (ISO 8601, UTC).' }) @ApiProperty() updatedAt: Date;
}

@ObjectType('PledgeProgress', {
  description: 'Tiến độ giao ước: ai chưa đăng ký chỉ tiêu, ai chưa nộp bảng điểm, bao nhiêu bảng đã thẩm định xong.',
})
export class PledgeProgressView {
  @Field(() => Int, { description: 'Số đơn vị ký giao ước.' }) @ApiProperty() signatories: number;
  @Field(() => Int, { description: 'Số đơn vị đã đăng ký chỉ tiêu.' }) @ApiProperty() registered: number;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị chưa đăng ký chỉ tiêu.' })
  @ApiProperty({ type: [UnitRef] })
  notRegistered: UnitRef[];
  @Field(() => Int, { description: 'Đơn vị đã nộp bảng tự chấm điểm.' }) @ApiProperty() submitted: number;
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị chưa nộp bảng tự chấm điểm.' })
  @ApiProperty({ type: [UnitRef] })
  notSubmitted: UnitRef[];
  @Field(() => Int, { description: 'Bảng điểm đã thẩm định xong.' }) @ApiProperty() accepted: number;
}

@ObjectType('MovementList', { description: 'Một trang phong trào thi đua và tổng số khớp điều kiện.' })
export class MovementList {
  @Field(() => [MovementView], { description: 'Các phong trào của trang.' }) items: MovementView[];
  @Field(() => Int, { description: 'Tổng số phong trào khớp điều kiện (mọi trang).' }) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('BlocList', { description: 'Một trang khối thi đua và tổng số khớp điều kiện.' })
export class BlocList {
  @Field(() => [BlocView], { description: 'Các khối của trang.' }) items: BlocView[];
  @Field(() => Int, { description: 'Tổng số khối khớp điều kiện (mọi trang).' }) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('PledgeList', { description: 'Một trang giao ước thi đua và tổng số khớp điều kiện.' })
export class PledgeList {
  @Field(() => [PledgeView], { description: 'Các giao ước của trang.' }) @ApiProperty({ type: [PledgeView] }) items: PledgeView[];
  @Field(() => Int, { description: 'Tổng số giao ước khớp điều kiện (mọi trang).' }) @ApiProperty() totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION })
  @ApiProperty({ description: TOTAL_IS_EXACT_DESCRIPTION })
  totalIsExact: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

@ObjectType('DeletedRecord', { description: 'Bản ghi đã xóa.' })
export class DeletedRecord {
  @Field(() => ID, { description: 'Mã định danh của bản ghi đã xóa.' }) id: string;
}
