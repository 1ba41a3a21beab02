import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, MUNICIPALITY_CODES } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class AgreedShareRequest {
  @ApiProperty({ example: '0751' }) @IsIn(MUNICIPALITY_CODES) municipality: string;
  @ApiProperty({ minimum: 1, maximum: 1000, description: 'placements the municipality agreed to keep in the offer' }) @IsInt() @Min(1) @Max(1000) placements: number;
}

/** PUT /supply/protected-offers/:offerId/:targetGroup. */
export class ProtectOfferRequest {
  @ApiProperty({ example: '2026-06-15', description: "the decision's date (KKR)" }) @IsCalendarDate({ min: '2000-01-01' }) decidedOn: string;
  @ApiProperty({ example: 'Rammeaftale 2027-28, bilag 3' }) @IsString() @MinLength(1) @MaxLength(200) agreementReference: string;
  @ApiPropertyOptional({ type: [AgreedShareRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(98) @ValidateNested({ each: true }) @Type(() => AgreedShareRequest) agreedShares?: AgreedShareRequest[];
}
