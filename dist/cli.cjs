#!/usr/bin/env node
'use strict';
require('node:module').enableCompileCache?.();
require('./cli-main.cjs');
