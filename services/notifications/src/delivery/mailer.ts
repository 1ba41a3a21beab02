import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

/** SMTP through nodemailer: `SMTP_URL` (default the dev mail catcher, smtp://127.0.0.1:1025), `MAIL_FROM`. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter = createTransport(process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025');
  private readonly from = process.env.MAIL_FROM ?? 'Tilbudsnet <noreply@tilbudsnet.dk>';

  async send(mail: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
