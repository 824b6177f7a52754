#!/usr/bin/env node
// npm run build: compile the API (dist/server) and build the admin (dist/admin).
import { buildAdmin, buildServer, ensureDependencies } from './lib.mjs';

ensureDependencies();
buildServer();
buildAdmin({ force: process.argv.includes('--force') });
