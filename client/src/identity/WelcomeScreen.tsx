import { NameForm } from './NameForm'
import { PRODUCT_NAME } from '../app/product'

/** First visit: a name is all we need until accounts exist. */
export function WelcomeScreen({ onSubmit }: { onSubmit: (name: string) => void }) {
  return (
    <main className="welcome">
      <div className="welcome__card">
        <p className="welcome__product">{PRODUCT_NAME}</p>
        <h1 className="welcome__title">Check articles together, live</h1>
        <p className="welcome__lede">
          Everyone on the desk works in the same copy of an article and sees each other's cursors as they go.
          Tell your colleagues who you are.
        </p>
        <NameForm submitLabel="Open the article" onSubmit={onSubmit} />
      </div>
    </main>
  )
}
