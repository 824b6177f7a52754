import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { ClassType } from './validation-limits.js';
import { ACCESS_METADATA, API_PROBLEMS_METADATA, type ApiProblemsOverride, type EndpointAccess } from '@danvan/core';

/** What one REST route declares, read from the same metadata the guard, the pipes and the handlers use. */
export interface RouteFacts {
  controller: string;
  method: string;
  access: EndpointAccess | undefined;
  /** The DTO class of `@Query()`, whose validation gives the query parameters' limits. */
  queryType?: ClassType;
  /** The DTO class of `@Body()`. */
  bodyType?: ClassType;
  override: ApiProblemsOverride;
}

/** The operation id @nestjs/swagger gets from `operationIdFactory` before the document is finished. */
export const routeKey = (controller: string, method: string) => `${controller}.${method}`;

/** Every controller method of the app, by `Controller.method`. */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (typeof type !== 'function') continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', type.prototype, name) ?? []) as ClassType[];
        const argOf = (kind: RouteParamtypes) => {
          const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${kind}:`) && arg.data === undefined);
          return entry ? paramTypes[entry[1].index] : undefined;
        };
        facts.set(routeKey(type.name, name), {
          controller: type.name,
          method: name,
          access: (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, type)) as
            EndpointAccess | undefined,
          queryType: argOf(RouteParamtypes.QUERY),
          bodyType: argOf(RouteParamtypes.BODY),
          override: {
            ...((Reflect.getMetadata(API_PROBLEMS_METADATA, type) ?? {}) as ApiProblemsOverride),
            ...((Reflect.getMetadata(API_PROBLEMS_METADATA, handler) ?? {}) as ApiProblemsOverride),
          },
        });
      }
    }
  }
  return facts;
}
