//! Calibrate placeholder.
