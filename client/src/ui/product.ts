/** One place for the product's name, so a rename is one line. */
export const PRODUCT_NAME = 'Factcheck Desk'
