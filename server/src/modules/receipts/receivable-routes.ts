import type { RouteSpec } from "../../http/route";
export const receivableRoutes: RouteSpec[] = [];
