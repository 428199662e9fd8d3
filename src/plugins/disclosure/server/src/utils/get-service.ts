// The plugin's services by name, typed: the one place the untyped strapi.plugin(...).service(...) is cast.
import type { Core } from '@strapi/strapi';
import type services from '../services';

type ServiceFactories = typeof services;
export type PluginServices = { [K in keyof ServiceFactories]: ReturnType<ServiceFactories[K]> };
export type PluginServiceName = keyof PluginServices;

export function getService<K extends PluginServiceName>(strapi: Core.Strapi, name: K): PluginServices[K] {
  return strapi.plugin('disclosure').service(name) as PluginServices[K];
}
