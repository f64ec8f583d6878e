// `node --import` entry: the clock of fast-retry-clock.mjs for a whole child process (an action run by the harness).
import { installFastRetryClock } from './fast-retry-clock.mjs';

installFastRetryClock();
