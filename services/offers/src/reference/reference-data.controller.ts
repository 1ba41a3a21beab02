import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import {
  MUNICIPALITIES, MUNICIPALITIES_SOURCE, PARAGRAPH_TERMS, PARAGRAPHS, PARAGRAPHS_SOURCE, REGIONS, SPECIALISATION_LEVELS, TARGET_GROUPS, type Municipality, type ParagraphTerm, type Region, type TargetGroupTerm,
} from '@tilbudsnet/contracts';

/** The reference data every client needs for its forms: the 98 municipalities, 5 regions and vocabularies. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceDataController {
  @ApiOperation({ summary: "Read the reference data", description: "The 98 municipalities, 5 regions, target groups and paragraphs every form needs." })
  @Get()
  @Roles(...ROLES)
  all(): { source: string; regions: readonly Region[]; municipalities: readonly Municipality[]; targetGroups: readonly TargetGroupTerm[]; paragraphs: readonly string[]; paragraphTerms: readonly ParagraphTerm[]; paragraphsSource: string; specialisationLevels: readonly string[] } {
    return { source: MUNICIPALITIES_SOURCE, regions: REGIONS, municipalities: MUNICIPALITIES, targetGroups: TARGET_GROUPS, paragraphs: PARAGRAPHS, paragraphTerms: PARAGRAPH_TERMS, paragraphsSource: PARAGRAPHS_SOURCE, specialisationLevels: SPECIALISATION_LEVELS };
  }
}
