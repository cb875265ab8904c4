import type { Temperature } from '../utils/cadence';

/** A shape beside the colour, so temperature never relies on colour alone. */
export const temperatureIcon: Record<Temperature, string> = { warm: '☀', cooling: '◐', cold: '❄' };
