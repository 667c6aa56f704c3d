/** The approval workflow of PRODUCT.md: draft → in_review → (approved →) published → retired. */
export const WORKFLOW_STATES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]
