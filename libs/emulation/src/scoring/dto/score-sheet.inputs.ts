import { Field, Float, InputType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsString,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CRITERIA_LIMITS, SCORE_COMMENT_MAX_LENGTH } from '@danvan/contracts';

const Text = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
// The range depends on the line (its maximum in the criteria set): checked with it by checkScores (scoreProblem of
// libs/contracts/src/scoring-rules.ts), not here.
const SCORE_NUMBER_MESSAGE = 'Điểm phải là một số.';
const SCORE_DECIMALS_MESSAGE = 'Điểm có tối đa 2 chữ số thập phân.';
const SCORE_NEGATIVE_MESSAGE = 'Điểm không được âm.';
const AtMostTwoDecimals = () =>
  ValidateBy({
    name: 'atMostTwoDecimals',
    validator: {
      validate: (v: unknown) => typeof v !== 'number' || Math.round(v * 100) / 100 === v,
      defaultMessage: () => SCORE_DECIMALS_MESSAGE,
    },
  });

@InputType('ScoreInput', { description: 'Điểm của một dòng.' })
export class ScoreInput {
  @Field({ description: 'Mã dòng trong bảng tiêu chí, ví dụ 1.a.' })
  @ApiProperty({ example: '1.a' })
  @Text()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CRITERIA_LIMITS.codeMaxLength)
  itemCode: string;
  @Field(() => Float, { description: 'Điểm: từ 0 đến điểm tối đa của dòng, tối đa 2 chữ số thập phân.' })
  @ApiProperty({ example: 10.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: SCORE_NUMBER_MESSAGE })
  @Min(0, { message: SCORE_NEGATIVE_MESSAGE })
  @AtMostTwoDecimals()
  score: number;
  @Field(() => String, { nullable: true, description: 'Giải trình hoặc nhận xét, tối đa 2000 ký tự.' })
  @ApiProperty({ required: false, type: String, nullable: true })
  @ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null)
  @Text()
  @IsString()
  @MaxLength(SCORE_COMMENT_MAX_LENGTH)
  comment?: string | null;
}

/** A unit's self-scores (REST body of PUT …/score-sheets/:unitId; GraphQL `saveSelfScores`). */
@InputType('SelfScoresInput', { description: 'Điểm đơn vị tự chấm cho một số dòng (các dòng khác giữ nguyên).' })
export class SelfScoresInput {
  @Field(() => [ScoreInput], { description: 'Điểm các dòng (1 đến số dòng của bảng tiêu chí).' })
  @ApiProperty({ type: [ScoreInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CRITERIA_LIMITS.itemsMax)
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores: ScoreInput[];
}
