export default function Options() { return <div>Signoff options</div> }
