import { hello } from '@mlgate/core';
import * as core from '@actions/core';
core.info(hello('x'));
await Promise.resolve();
