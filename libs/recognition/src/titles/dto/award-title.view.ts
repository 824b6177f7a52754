import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { VersionedRecordView } from '@danvan/kit';
import { AWARD_ENTRY_KINDS, AWARD_TITLE_RECIPIENTS, type AwardEntryKind, type AwardTitleRecipients } from '@danvan/contracts';
import { AwardEntryKindEnum, AwardTitleRecipientsEnum } from '../../dto/recognition-enums.js';

@ObjectType('AwardTitle', {
  description: 'Một mục của danh mục khen thưởng: danh hiệu thi đua hoặc hình thức khen thưởng (theo Luật Thi đua, khen thưởng 2022).',
})
export class AwardTitleView extends VersionedRecordView {
  @Field(() => ID, { description: 'Mã định danh (UUID).' }) @ApiProperty({ format: 'uuid' }) id: string;
  @Field({ description: 'Mã ổn định cho hệ thống tích hợp.' }) @ApiProperty({ example: 'CO_THI_DUA_BO_TINH' }) code: string;
  @Field({ description: 'Tên danh hiệu hoặc hình thức khen thưởng.' })
  @ApiProperty({ example: 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh' })
  name: string;
  @Field(() => AwardEntryKindEnum, { description: 'Danh hiệu thi đua hay hình thức khen thưởng.' })
  @ApiProperty({ enum: AWARD_ENTRY_KINDS })
  kind: AwardEntryKind;
  @Field(() => AwardTitleRecipientsEnum, { description: 'Dành cho tập thể, cá nhân hay cả hai.' })
  @ApiProperty({ enum: AWARD_TITLE_RECIPIENTS })
  recipients: AwardTitleRecipients;
  @Field({ description: 'Có xếp hạng nhất, nhì, ba.' }) @ApiProperty() ranked: boolean;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý.' }) @ApiProperty({ type: String, nullable: true }) legalBasis:
    string | null;
  @Field({ description: 'Còn áp dụng cho khen thưởng mới.' }) @ApiProperty() active: boolean;
  @Field(() => Int, { description: 'Thứ tự hiển thị.' }) @ApiProperty() position: number;
}
