import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARAGRAPHS, REGION_CODES, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsNumber, IsOptional, IsUrl, Max, Min, ValidateNested } from 'class-validator';
import { NOTICE_KINDS, type NoticeKind } from '../notices/domain/notice';

export class SubscriptionFilterRequest {
  @ApiPropertyOptional({ enum: REGION_CODES, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsIn(REGION_CODES, { each: true }) regions?: string[];
  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups?: string[];
  @ApiPropertyOptional({ enum: PARAGRAPHS, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(PARAGRAPHS, { each: true }) paragraphs?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'tariff-published only: rises above this percentage' })
  @IsOptional() @IsNumber() @Min(0) @Max(1000) minIncreasePct?: number;
}

/** POST /subscriptions. */
export class CreateSubscriptionRequest {
  @ApiProperty({ enum: NOTICE_KINDS }) @IsIn(NOTICE_KINDS) kind: NoticeKind;
  @ApiProperty({ enum: ['user', 'organisation'], description: 'for me alone, or for my whole organisation' }) @IsIn(['user', 'organisation']) scope: 'user' | 'organisation';
  @ApiPropertyOptional({ type: SubscriptionFilterRequest }) @IsOptional() @ValidateNested() @Type(() => SubscriptionFilterRequest) filter?: SubscriptionFilterRequest;
  @ApiPropertyOptional({ description: 'also send an e-mail to this address' }) @IsOptional() @IsEmail() email?: string;
}

/** PUT /organisation/contact: where the organisation's notices are e-mailed. */
export class OrganisationContactRequest {
  @ApiProperty() @IsEmail() email: string;
}

/** POST /webhooks. */
export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://fagsystem.kommune.dk/tilbudsnet' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) url: string;
  @ApiProperty({ enum: NOTICE_KINDS, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(NOTICE_KINDS.length) @IsIn(NOTICE_KINDS, { each: true }) kinds: NoticeKind[];
}
