//! cxmap: a terminal workbench for customer-journey mapping.
