import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** "GET /api/drafts/{id}": one operation, in OpenAPI's path notation. */
export type RouteKey = string;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * The API routes the HTTP server actually answers, read from Express's router: everything under
 * /api/ but the documentation's own pages (the built client's pages and their fallback are not API).
 */
export function registeredRoutes(app: INestApplication, exclude: (path: string) => boolean = (p) => !p.startsWith('/api/') || p.startsWith('/api/docs')): RouteKey[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (express.router ?? express._router)?.stack;
  if (!stack) throw new Error('The HTTP adapter exposes no Express router to read routes from.');
  const keys = new Set<RouteKey>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const raw of ([] as string[]).concat(layer.route.path)) {
      if (exclude(raw)) continue;
      const path = raw.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') keys.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...keys].sort();
}

export function documentedRoutes(doc: Pick<OpenAPIObject, 'paths'>): RouteKey[] {
  const keys: RouteKey[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) if ((item as Record<string, unknown>)[method] !== undefined) keys.push(`${method.toUpperCase()} ${path}`);
  }
  return keys.sort();
}

/** Routes served but not described, and described but not served: both must be empty. */
export function routeDrift(registered: readonly RouteKey[], documented: readonly RouteKey[]): { undocumented: RouteKey[]; notServed: RouteKey[] } {
  const doc = new Set(documented);
  const served = new Set(registered);
  return { undocumented: registered.filter((k) => !doc.has(k)), notServed: documented.filter((k) => !served.has(k)) };
}
