//! A region's own population, read from a CSV file (to be written: see the population
//! helper's brief).
