import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns any handler error into `{ status: 'error', message: 'Internal
 * server error' }`, which would lose the reason a dead letter must carry and the error's type
 * (transient, permanent). This filter hands the original error back to the transport.
 */
@Catch()
export class RethrowHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
