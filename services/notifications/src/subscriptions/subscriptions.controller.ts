import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ReadingInbox } from './reading-inbox';
import { CreateSubscriptionRequest, CreateWebhookRequest, OrganisationContactRequest } from './subscription.requests';
import { Subscribing } from './subscribing';

/** Whoever works for an organisation that receives notices. */
const RECEIVERS = ['visitation-officer', 'offer-manager', 'kkr-secretariat'] as const;

export class InboxQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true ? true : value === 'false' || value === false ? false : value)
  @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: 200 }) @IsOptional() @Transform(({ value }) => (value === undefined ? value : Number(value))) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class MarkReadRequest {
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() read?: boolean;
}

@ApiTags('inbox and subscriptions')
@ApiBearerAuth()
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: Subscribing, private readonly inbox: ReadingInbox) {}

  /** Indbakke: the user's and the organisation's notices, newest first, with the unread count. */
  @ApiOperation({ summary: "Read the inbox (indbakke)", description: "The user's and the organisation's notices, newest first, with the unread count." })
  @Get('inbox')
  @Roles(...RECEIVERS)
  listInbox(@Query() query: InboxQuery, @CurrentPrincipal() principal: Principal) {
    return this.inbox.list(principal, { unreadOnly: query.unread ?? false, limit: query.limit ?? 50 });
  }

  @ApiOperation({ summary: "Mark a notice as read", description: "Lowers the unread count." })
  @Post('inbox/:id/read')
  @HttpCode(200)
  @Roles(...RECEIVERS)
  markRead(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MarkReadRequest, @CurrentPrincipal() principal: Principal) {
    return this.inbox.markRead(principal, id, body.read ?? true);
  }

  @ApiOperation({ summary: "List subscriptions (abonnementer)", description: "The user's own and the organisation's subscriptions." })
  @Get('subscriptions')
  @Roles(...RECEIVERS)
  listSubscriptions(@CurrentPrincipal() principal: Principal) {
    return this.subscriptions.list(principal);
  }

  @ApiOperation({ summary: "Subscribe to notices", description: "By kind, with filters on region, target group, paragraph or tariff rise; for the user or the organisation." })
  @Post('subscriptions')
  @Roles(...RECEIVERS)
  subscribe(@Body() body: CreateSubscriptionRequest, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.subscribe(principal, body);
  }

  @ApiOperation({ summary: "Remove a subscription", description: "Only its owner." })
  @Delete('subscriptions/:id')
  @HttpCode(204)
  @Roles(...RECEIVERS)
  unsubscribe(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.subscriptions.unsubscribe(principal, id);
  }

  @ApiOperation({ summary: "Read the organisation's notice e-mail", description: "Where mandatory notices (closures, early warnings) are e-mailed." })
  @Get('organisation/contact')
  @Roles(...RECEIVERS)
  contact(@CurrentPrincipal() principal: Principal) {
    return this.subscriptions.contact(principal);
  }

  /** The address the organisation's mandatory notices (closures, early warnings) are e-mailed to. */
  @ApiOperation({ summary: "Set the organisation's notice e-mail", description: "The address mandatory notices (closures, early warnings) are e-mailed to." })
  @Put('organisation/contact')
  @Roles(...RECEIVERS)
  setContact(@Body() body: OrganisationContactRequest, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.setContact(principal, body.email);
  }

  @ApiOperation({ summary: "List the organisation's webhooks", description: "Each with its status and failures in a row; never the secret." })
  @Get('webhooks')
  @Roles(...RECEIVERS)
  listWebhooks(@CurrentPrincipal() principal: Principal) {
    return this.subscriptions.webhooks(principal);
  }

  /** Answers with the signing secret, once. */
  @ApiOperation({ summary: "Register a webhook", description: "Notices are posted signed (HMAC-SHA256) to the URL; answers with the signing secret, once." })
  @Post('webhooks')
  @Roles(...RECEIVERS)
  addWebhook(@Body() body: CreateWebhookRequest, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.addWebhook(principal, body);
  }

  @ApiOperation({ summary: "Read a webhook's delivery log", description: "Each delivery: when, outcome and attempts." })
  @Get('webhooks/:id/deliveries')
  @Roles(...RECEIVERS)
  deliveries(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.deliveries(principal, id);
  }

  @ApiOperation({ summary: "Enable a disabled webhook", description: "After failures in a row a webhook is disabled; its owner enables it again and waiting deliveries go." })
  @Post('webhooks/:id/enable')
  @HttpCode(200)
  @Roles(...RECEIVERS)
  enableWebhook(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.enableWebhook(principal, id);
  }

  @ApiOperation({ summary: "Send a test notice to a webhook", description: "Through the same delivery, signature and log as real notices (kind webhook-test); its outcome appears in the delivery log." })
  @Post('webhooks/:id/test')
  @HttpCode(202)
  @Roles(...RECEIVERS)
  testWebhook(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<{ noticeId: string }> {
    return this.subscriptions.sendTest(principal, id);
  }

  @ApiOperation({ summary: "Remove a webhook", description: "Only its organisation." })
  @Delete('webhooks/:id')
  @HttpCode(204)
  @Roles(...RECEIVERS)
  removeWebhook(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.subscriptions.removeWebhook(principal, id);
  }
}
