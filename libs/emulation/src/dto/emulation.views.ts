import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { BLOC_LIMITS, CRITERIA_LIMITS, MOVEMENT_KINDS, PLEDGE_STATUSES, type MovementKind, type PledgeStatus } from '@danvan/contracts';
import { LocalDateScalar, MaxItems, TOTAL_IS_EXACT_DESCRIPTION } from '@danvan/core';

export const MovementKindEnum = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, k])) as Record<MovementKind, MovementKind>;
registerEnumType(MovementKindEnum, { name: 'MovementKind', description: 'Phong trào thường xuyên hoặc theo chuyên đề.' });
export const PledgeStatusEnum = Object.fromEntries(PLEDGE_STATUSES.map((s) => [s, s])) as Record<PledgeStatus, PledgeStatus>;
registerEnumType(PledgeStatusEnum, {
  name: 'PledgeStatus',
  description: 'Dự thảo → đã ký kết → đăng ký chỉ tiêu → tự chấm điểm → thẩm định → tổng kết.',
});

/**
 * A unit as other records name it: enough to show who, without opening the
 * unit itself (which stays subject to the caller's scope). Fellow members of a
 * bloc see each other's names this way.
 */
@ObjectType('UnitRef')
export class UnitRef {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty() name: string;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) shortName: string | null;
}

@ObjectType('DocumentRef', { description: 'Văn bản được trích dẫn (số, ký hiệu, ngày, trích yếu).' })
export class DocumentRef {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty({ example: '151-KH/BDVTU' }) number: string;
  @Field(() => LocalDateScalar) @ApiProperty({ type: String, format: 'date' }) issuedOn: string;
  @Field() @ApiProperty() title: string;
}

@ObjectType('EmulationMovement', { description: 'Phong trào thi đua (ví dụ "Dân vận khéo").' })
export class MovementView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty() name: string;
  @Field(() => MovementKindEnum) @ApiProperty({ enum: MOVEMENT_KINDS }) kind: MovementKind;
  @Field(() => UnitRef, { description: 'Đơn vị phát động.' }) @ApiProperty({ type: UnitRef }) launchedBy: UnitRef;
  @Field(() => LocalDateScalar) @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @Field(() => LocalDateScalar, { nullable: true }) @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) description: string | null;
  @MaxItems(20)
  @Field(() => [DocumentRef], { description: 'Căn cứ (văn bản phát động, kế hoạch).' })
  @ApiProperty({ type: [DocumentRef] })
  legalBasis: DocumentRef[];
  @Field(() => Int) @ApiProperty() version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  /** Internal: path of the launching unit (who may change it; audit scope). */
  ownerPath: string;
}

@ObjectType('EmulationBloc', { description: 'Khối, cụm thi đua của một năm.' })
export class BlocView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int) @ApiProperty({ example: 2024 }) year: number;
  @Field() @ApiProperty() name: string;
  @Field(() => UnitRef, { description: 'Đơn vị quản lý khối (thường là Ban Dân vận cấp trên).' })
  @ApiProperty({ type: UnitRef })
  owner: UnitRef;
  @Field(() => ID, { nullable: true }) @ApiProperty({ type: String, format: 'uuid', nullable: true }) movementId: string | null;
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
  @Field(() => Int) @ApiProperty() version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  ownerPath: string;
}

@ObjectType('CriterionItem', { description: 'Một dòng chấm điểm: tiêu chí thành phần, khoản cộng hoặc khoản trừ.' })
export class CriterionItemView {
  @Field() @ApiProperty({ example: '1.a' }) code: string;
  @Field() @ApiProperty() title: string;
  @Field(() => Float) @ApiProperty({ example: 10 }) maxScore: number;
}

@ObjectType('Criterion')
export class CriterionView extends CriterionItemView {
  @MaxItems(CRITERIA_LIMITS.subCriteriaMax)
  @Field(() => [CriterionItemView], { nullable: true, description: 'Tiêu chí thành phần (điểm tối đa của tiêu chí là tổng của chúng).' })
  @ApiProperty({ type: [CriterionItemView], required: false })
  subCriteria?: CriterionItemView[];
}

@ObjectType('CriteriaGroup')
export class CriteriaGroupView {
  @Field() @ApiProperty({ example: 'I' }) code: string;
  @Field() @ApiProperty() title: string;
  @MaxItems(CRITERIA_LIMITS.criteriaPerGroupMax)
  @Field(() => [CriterionView])
  @ApiProperty({ type: [CriterionView] })
  criteria: CriterionView[];
}

@ObjectType('ClassificationBand', { description: 'Mức xếp loại: đạt từ minScore điểm trở lên.' })
export class ClassificationBandView {
  @Field() @ApiProperty({ example: 'Xuất sắc' }) name: string;
  @Field(() => Float) @ApiProperty({ example: 95 }) minScore: number;
}

@ObjectType('CriteriaSet', {
  description: 'Bảng tiêu chí chấm điểm của giao ước, một phiên bản (không bao giờ sửa; thay đổi tạo phiên bản mới).',
})
export class CriteriaSetView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => Int, { description: 'Số phiên bản: 1, 2, …' }) @ApiProperty() number: number;
  @MaxItems(CRITERIA_LIMITS.groupsMax)
  @Field(() => [CriteriaGroupView])
  @ApiProperty({ type: [CriteriaGroupView] })
  groups: CriteriaGroupView[];
  @MaxItems(50) @Field(() => [CriterionItemView]) @ApiProperty({ type: [CriterionItemView] }) bonusItems: CriterionItemView[];
  @Field(() => Float) @ApiProperty() bonusCap: number;
  @MaxItems(50) @Field(() => [CriterionItemView]) @ApiProperty({ type: [CriterionItemView] }) deductionItems: CriterionItemView[];
  @Field(() => Float) @ApiProperty() deductionCap: number;
  @MaxItems(CRITERIA_LIMITS.bandsMax)
  @Field(() => [ClassificationBandView])
  @ApiProperty({ type: [ClassificationBandView] })
  bands: ClassificationBandView[];
  @Field(() => Float, { description: 'Tổng điểm tối đa (kể cả điểm cộng tối đa).' }) @ApiProperty() maxTotal: number;
  @Field() @ApiProperty() createdBy: string;
  @Field() @ApiProperty() createdAt: Date;
}

@ObjectType('Pledge', { description: 'Giao ước thi đua của một khối trong một năm.' })
export class PledgeView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) blocId: string;
  @Field() @ApiProperty() blocName: string;
  @Field(() => Int) @ApiProperty({ example: 2024 }) year: number;
  @Field() @ApiProperty() title: string;
  @Field(() => PledgeStatusEnum) @ApiProperty({ enum: PLEDGE_STATUSES }) status: PledgeStatus;
  @Field({ description: 'Tên bước hiện tại.' }) @ApiProperty({ example: 'Đã ký kết' }) statusLabel: string;
  @Field(() => Int, { nullable: true, description: 'Số nhiệm vụ đột phá tối thiểu mỗi đơn vị đăng ký.' })
  @ApiProperty({ type: Number, nullable: true })
  breakthroughMin: number | null;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) breakthroughMax: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) @ApiProperty({ type: String, format: 'date', nullable: true }) signedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Sự kiện ký kết (ví dụ Hội nghị tổng kết năm).' })
  @ApiProperty({ type: String, nullable: true })
  signingEvent: string | null;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) signingPlace: string | null;
  @MaxItems(20) @Field(() => [DocumentRef]) @ApiProperty({ type: [DocumentRef] }) documents: DocumentRef[];
  @MaxItems(BLOC_LIMITS.membersMax)
  @Field(() => [UnitRef], { description: 'Đơn vị ký giao ước.' })
  @ApiProperty({ type: [UnitRef] })
  signatories: UnitRef[];
  @Field(() => CriteriaSetView, { nullable: true, description: 'Phiên bản hiện hành của bảng tiêu chí.' })
  @ApiProperty({ type: CriteriaSetView, nullable: true })
  criteriaSet: CriteriaSetView | null;
  @Field(() => Int) @ApiProperty() version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  ownerPath: string;
}

@ObjectType('RegistrationTarget')
export class RegistrationTargetView {
  @Field() @ApiProperty({ example: 'Xây dựng 5 mô hình "Dân vận khéo"' }) title: string;
  @Field(() => String, { nullable: true, description: 'Chỉ tiêu đo được (số lượng, tỉ lệ …).' })
  @ApiProperty({ type: String, nullable: true })
  measure: string | null;
}

@ObjectType('PledgeRegistration', { description: 'Đăng ký chỉ tiêu, nhiệm vụ đột phá của một đơn vị ký giao ước.' })
export class RegistrationView {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @Field(() => UnitRef) @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @MaxItems(50) @Field(() => [RegistrationTargetView]) @ApiProperty({ type: [RegistrationTargetView] }) targets: RegistrationTargetView[];
  @MaxItems(20) @Field(() => [String], { description: 'Nhiệm vụ đột phá.' }) @ApiProperty({ type: [String] }) breakthroughTasks: string[];
  @Field(() => Int) @ApiProperty() version: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
}

@ObjectType('PledgeProgress', {
  description: 'Tiến độ giao ước: ai chưa đăng ký chỉ tiêu, ai chưa nộp bảng điểm, bao nhiêu bảng đã thẩm định xong.',
})
export class PledgeProgressView {
  @Field(() => Int) @ApiProperty() signatories: number;
  @Field(() => Int) @ApiProperty() registered: number;
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

@ObjectType('MovementList')
export class MovementList {
  @Field(() => [MovementView]) items: MovementView[];
  @Field(() => Int) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('BlocList')
export class BlocList {
  @Field(() => [BlocView]) items: BlocView[];
  @Field(() => Int) totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION }) totalIsExact: boolean;
}

@ObjectType('PledgeList')
export class PledgeList {
  @Field(() => [PledgeView]) @ApiProperty({ type: [PledgeView] }) items: PledgeView[];
  @Field(() => Int) @ApiProperty() totalItems: number;
  @Field(() => Boolean, { description: TOTAL_IS_EXACT_DESCRIPTION })
  @ApiProperty({ description: TOTAL_IS_EXACT_DESCRIPTION })
  totalIsExact: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

@ObjectType('DeletedRecord')
export class DeletedRecord {
  @Field(() => ID) id: string;
}
