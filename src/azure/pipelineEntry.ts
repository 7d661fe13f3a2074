// Everything that loads @azure/core-rest-pipeline and the proxy agents, in one module that
// `ArmClient` imports on its first request: loading the Azure SDK's pipeline costs time that
// activation must not spend (activation makes no network call; the first request can pay it).
export { ConnectionPool } from './connections';
export { createPipelines, runRequest } from './httpPipeline';
export { followWithoutCredentials, isRedirect } from './redirects';
