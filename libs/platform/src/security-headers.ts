import type { NextFunction, Request, Response } from 'express';

/** The API answers JSON only: nothing in it may run, frame or be framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI at /docs loads its own scripts and styles (inline styles included). */
const DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Security headers on every answer of every service, /docs included (what helmet sets, without
 * the dependency): no sniffing, no framing, no referrer, a strict content security policy, HSTS.
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('content-security-policy', req.path.startsWith('/docs') ? DOCS_POLICY : API_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  res.removeHeader('x-powered-by');
  next();
}
