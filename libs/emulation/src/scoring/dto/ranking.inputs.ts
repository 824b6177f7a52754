import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsLocalDate, LocalDateScalar } from '@danvan/core';

const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
/** Awards for the top of a finalised pledge's ranking, in one step (GraphQL `awardsFromRanking`). */
@InputType('AwardsFromRankingInput', {
  description: 'Khen thưởng các đơn vị dẫn đầu bảng xếp hạng của giao ước đã tổng kết: chọn awardTitleId hoặc formId.',
})
export class AwardsFromRankingInput {
  @Field(() => ID, { nullable: true, description: 'Danh hiệu (ví dụ Cờ thi đua), hoặc:' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null)
  @IsUUID('all')
  awardTitleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Hình thức khen thưởng (ví dụ Giấy khen).' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null)
  @IsUUID('all')
  formId?: string | null;
  @Field(() => ID, { description: 'Đơn vị khen thưởng.' }) @IsUUID('all') issuerUnitId: string;
  @Field(() => LocalDateScalar, { description: 'Ngày quyết định.' })
  @IsLocalDate({ message: 'Ngày quyết định phải là ngày hợp lệ dạng yyyy-MM-dd.' })
  decidedOn: string;
  @Field(() => ID, { nullable: true, description: 'Quyết định khen thưởng trong sổ văn bản.' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null)
  @IsUUID('all')
  decisionDocumentId?: string | null;
  @Field(() => Int, { defaultValue: 3, description: 'Khen các đơn vị có hạng từ 1 đến số này (mặc định 3: nhất, nhì, ba).' })
  @IsInt()
  @Min(1)
  @Max(50)
  top: number;
  @Field(() => String, { nullable: true, description: 'Thành tích ghi trong khen thưởng, tối đa 2000 ký tự.' })
  @ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null)
  @Text()
  @IsString()
  @MaxLength(2000)
  citation?: string | null;
}
