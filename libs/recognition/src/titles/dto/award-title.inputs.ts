import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  AWARD_ENTRY_KINDS,
  AWARD_TITLE_RECIPIENTS,
  type AwardEntryKind,
  type AwardTitleRecipients,
  RECOGNITION_LIMITS as L,
} from '@danvan/contracts';
import { AwardEntryKindEnum, AwardTitleRecipientsEnum } from '../../dto/recognition-enums.js';
import { Text, IfPresent, Nullable, ONE_OF, TOO_LONG } from '../../dto/input-decorators.js';

@InputType('CreateAwardTitleInput', { description: 'Một danh hiệu thi đua hoặc hình thức khen thưởng mới (khi nghị định thay đổi).' })
export class CreateAwardTitleInput {
  @Field({ description: 'Mã ổn định: chữ in hoa, số, gạch dưới.' })
  @Text()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'Mã chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.' })
  @MaxLength(L.titleCodeMaxLength, { message: TOO_LONG('Mã', L.titleCodeMaxLength) })
  code: string;
  @Field({ description: 'Tên, tối đa 255 ký tự.' })
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên không được để trống.' })
  @MaxLength(L.titleNameMaxLength, { message: TOO_LONG('Tên', L.titleNameMaxLength) })
  name: string;
  @Field(() => AwardEntryKindEnum, { description: 'Danh hiệu thi đua hay hình thức khen thưởng.' })
  @IsIn(AWARD_ENTRY_KINDS, { message: ONE_OF('Loại', AWARD_ENTRY_KINDS) })
  kind: AwardEntryKind;
  @Field(() => AwardTitleRecipientsEnum, { description: 'Dành cho tập thể, cá nhân hay cả hai.' })
  @IsIn(AWARD_TITLE_RECIPIENTS, { message: ONE_OF('Đối tượng', AWARD_TITLE_RECIPIENTS) })
  recipients: AwardTitleRecipients;
  @Field({ defaultValue: false, description: 'Xếp hạng nhất, nhì, ba.' }) @IsOptional() @IsBoolean() ranked?: boolean;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý (điều, khoản của luật, nghị định), tối đa 500 ký tự.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.legalBasisMaxLength, { message: TOO_LONG('Căn cứ pháp lý', L.legalBasisMaxLength) })
  legalBasis?: string | null;
  @Field(() => Int, { nullable: true, description: 'Thứ tự hiển thị (mặc định: cuối danh mục).' })
  @Nullable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number | null;
}

@InputType('UpdateAwardTitleInput', { description: 'Sửa một mục của danh mục; mã và loại không đổi. Ngừng áp dụng thay cho xóa.' })
export class UpdateAwardTitleInput {
  @Field({ nullable: true, description: 'Tên mới, tối đa 255 ký tự.' })
  @IfPresent()
  @Text()
  @IsString()
  @IsNotEmpty({ message: 'Tên không được để trống.' })
  @MaxLength(L.titleNameMaxLength, { message: TOO_LONG('Tên', L.titleNameMaxLength) })
  name?: string;
  @Field(() => AwardTitleRecipientsEnum, { nullable: true, description: 'Dành cho tập thể, cá nhân hay cả hai.' })
  @IfPresent()
  @IsIn(AWARD_TITLE_RECIPIENTS, { message: ONE_OF('Đối tượng', AWARD_TITLE_RECIPIENTS) })
  recipients?: AwardTitleRecipients;
  @Field({ nullable: true, description: 'Có xếp hạng nhất, nhì, ba.' }) @IfPresent() @IsBoolean() ranked?: boolean;
  @Field(() => String, { nullable: true, description: 'Căn cứ pháp lý, tối đa 500 ký tự; null để xóa.' })
  @Nullable()
  @Text()
  @IsString()
  @MaxLength(L.legalBasisMaxLength, { message: TOO_LONG('Căn cứ pháp lý', L.legalBasisMaxLength) })
  legalBasis?: string | null;
  @Field({ nullable: true, description: 'false: ngừng áp dụng (khen thưởng đã có giữ nguyên).' })
  @IfPresent()
  @IsBoolean()
  active?: boolean;
  @Field(() => Int, { nullable: true, description: 'Thứ tự hiển thị (0 đến 100000).' })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(100_000)
  position?: number;
}
