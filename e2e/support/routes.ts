import type { INestApplication } from '@nestjs/common';

/** Every HTTP route an app serves, read from its router (not a hand-kept list), as `METHOD /path`. */
export function routesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return [...routes].sort();
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}
