import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS_METADATA, type EndpointAccess } from '@danvan/core';

/** One REST route or GraphQL operation/field with what it declares about access. */
export interface EndpointEntry {
  endpoint: string;
  /** `permission units:read`, `authenticated`, `public: <reason>`, or `UNDECLARED`. */
  access: string;
}

function describe(access: EndpointAccess | undefined): string {
  if (!access) return 'UNDECLARED';
  if (access.kind === 'public') return `public: ${access.reason}`;
  const temporary = access.allowTemporaryPassword ? ' (also with a temporary password)' : '';
  return access.kind === 'permission' ? `permission ${access.permission}${temporary}` : `authenticated${temporary}`;
}

function joinPath(...parts: Array<string | string[] | undefined>): string {
  const text = parts
    .flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .filter(Boolean)
    .join('/');
  return `/${text.replace(/^\/+|\/+$/g, '').replace(/\/+/g, '/')}`;
}

/**
 * Every REST route and GraphQL resolver of the application with its declared
 * access rule, read from the same metadata the access guard reads. The access
 * test compares it with the expected inventory, so an endpoint without a rule, or
 * with a changed one, fails the build.
 */
export function endpointInventory(app: INestApplication): EndpointEntry[] {
  const entries: EndpointEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    const classes = [...module.controllers.values(), ...module.providers.values()]
      .map((wrapper) => wrapper.metatype)
      .filter((type): type is new (...args: never[]) => object => typeof type === 'function' && type.prototype !== undefined);
    for (const type of new Set(classes)) {
      const classAccess = Reflect.getMetadata(ACCESS_METADATA, type) as EndpointAccess | undefined;
      const controllerPath = Reflect.getMetadata(PATH_METADATA, type) as string | undefined;
      const isController = Reflect.getMetadata('__controller__', type) === true;
      const resolverOf = Reflect.getMetadata('graphql:resolver_type', type) as (() => { name: string }) | string | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        if (name === 'constructor') continue;
        const method: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value; // never run getters
        if (typeof method !== 'function') continue;
        const access = describe((Reflect.getMetadata(ACCESS_METADATA, method) as EndpointAccess | undefined) ?? classAccess);
        const httpMethod = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
        if (isController && httpMethod !== undefined) {
          const path = joinPath(controllerPath, Reflect.getMetadata(PATH_METADATA, method) as string | undefined);
          entries.push({ endpoint: `${RequestMethod[httpMethod]} ${path}`, access });
          continue;
        }
        const operation = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        const fieldName = Reflect.getMetadata('graphql:resolver_name', method) as string | undefined;
        if (operation === 'Query' || operation === 'Mutation') {
          entries.push({ endpoint: `GraphQL ${operation}.${fieldName ?? name}`, access });
        } else if (Reflect.getMetadata('graphql:resolve_property', method) !== undefined && resolverOf) {
          const typeName = typeof resolverOf === 'function' ? (resolverOf() as { name: string }).name : resolverOf;
          entries.push({ endpoint: `GraphQL ${typeName}.${fieldName ?? name}`, access });
        }
      }
    }
  }
  return entries.sort((a, b) => a.endpoint.localeCompare(b.endpoint));
}
