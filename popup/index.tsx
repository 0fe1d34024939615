export default function Popup() { return <div>Signoff</div> }
