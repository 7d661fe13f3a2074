import type { Router } from '../router';
import type { RouteContext } from './context';

export function registerConsumptionRoutes(_router: Router, _ctx: RouteContext): void {
  // Filled in by the route family's own work.
}
